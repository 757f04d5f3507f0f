'use strict';
// HTTP server that serves firmware bundles for the interop suite (issue 14, OCPP L01): files from
// the folder given in argv[2], on 127.0.0.1, port argv[3] (0: any free one), with byte ranges
// ("Range: bytes=N-" answered 206 with Content-Range). Reports on stdout as JSON lines:
//   {"event":"listening","port":N}
//   {"event":"get","url":"/x","range":"bytes=N-"|null,"status":200|206|404|416,"sent":bytes}
// stdin commands (JSON lines): {"cmd":"drop","after":N} -> the next GET's connection is cut after N body bytes.
const fs = require('fs');
const http = require('http');
const path = require('path');
const readline = require('readline');

const folder = process.argv[2];
let dropAfter = -1;

function emit(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

const server = http.createServer((req, res) => {
    const name = path.basename(decodeURIComponent(req.url.split('?')[0]));
    const file = path.join(folder, name);
    const range = req.headers.range || null;
    if (req.method !== 'GET' || !fs.existsSync(file)) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found\n');
        emit({ event: 'get', url: req.url, range, status: 404, sent: 0 });
        return;
    }

    const body = fs.readFileSync(file);
    let start = 0;
    let status = 200;
    const headers = { 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes' };
    if (range) {
        const m = /^bytes=(\d+)-$/.exec(range);
        start = m ? Number(m[1]) : body.length + 1;
        if (start > body.length) {
            res.writeHead(416, { 'Content-Range': 'bytes */' + body.length });
            res.end();
            emit({ event: 'get', url: req.url, range, status: 416, sent: 0 });
            return;
        }

        status = 206;
        headers['Content-Range'] = 'bytes ' + start + '-' + (body.length - 1) + '/' + body.length;
    }

    const part = body.subarray(start);
    headers['Content-Length'] = String(part.length);
    res.writeHead(status, headers);
    if (dropAfter >= 0) {
        const cut = Math.min(dropAfter, part.length);
        dropAfter = -1;
        res.write(part.subarray(0, cut), () => {
            emit({ event: 'get', url: req.url, range, status, sent: cut, dropped: true });
            setTimeout(() => req.socket.destroy(), 50);
        });
        return;
    }

    res.end(part);
    emit({ event: 'get', url: req.url, range, status, sent: part.length });
});

server.listen(Number(process.argv[3] || 0), '127.0.0.1', () => emit({ event: 'listening', port: server.address().port }));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
    let cmd;
    try { cmd = JSON.parse(line); } catch (e) { return; }
    if (cmd.cmd === 'drop') {
        dropAfter = cmd.after;
        emit({ event: 'drop', after: dropAfter });
    }
}).on('close', () => {
    server.close();
    process.exit(0);
});
