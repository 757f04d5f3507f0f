'use strict';
// HTTP server that receives GetLog uploads for the interop suite (issue 16). Listens on 127.0.0.1,
// port from argv (0: any free one), and reports on stdout as JSON lines:
//   {"event":"listening","port":N}
//   {"event":"upload","method":"POST","url":"/x","contentType":"...","status":201,"body":"<base64 of every byte received>"}
// stdin commands (JSON lines): {"cmd":"status","code":500}  -> answer every later upload with that status.
// GET /blob serves BLOB_BYTES bytes (byte i is i % 251) and honours "Range: bytes=N-" with 206;
// GET /blob?norange ignores the range (200, whole body), as a server without range support does.
// With a certificate and key (argv[3], argv[4]: PEM files) it speaks HTTPS instead, and reports a
// refused handshake as {"event":"tlsError","message":"..."}.
const fs = require('fs');
const http = require('http');
const https = require('https');
const readline = require('readline');

let status = 201;

function emit(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

const BLOB_BYTES = 100000;
const blob = Buffer.alloc(BLOB_BYTES);
for (let i = 0; i < BLOB_BYTES; i++) {
    blob[i] = i % 251;
}

const handler = (req, res) => {
    if (req.method === 'GET' && req.url.startsWith('/blob')) {
        const range = /^bytes=(\d+)-$/.exec(req.headers.range || '');
        emit({ event: 'get', url: req.url, range: req.headers.range || null });
        if (range && !req.url.includes('norange')) {
            const from = Number(range[1]);
            if (from >= BLOB_BYTES) {
                res.writeHead(416, { 'Content-Range': 'bytes */' + BLOB_BYTES });
                return res.end();
            }
            res.writeHead(206, { 'Content-Range': 'bytes ' + from + '-' + (BLOB_BYTES - 1) + '/' + BLOB_BYTES, 'Content-Length': BLOB_BYTES - from });
            return res.end(blob.subarray(from));
        }
        res.writeHead(200, { 'Content-Length': BLOB_BYTES });
        return res.end(blob);
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
        const body = Buffer.concat(chunks);
        emit({ event: 'upload', method: req.method, url: req.url, contentType: req.headers['content-type'] || null,
            contentLength: req.headers['content-length'] || null, status, body: body.toString('base64') });
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        res.end(status < 300 ? 'stored\n' : 'refused\n');
    });
};

const server = process.argv[3]
    ? https.createServer({ cert: fs.readFileSync(process.argv[3]), key: fs.readFileSync(process.argv[4]) }, handler)
    : http.createServer(handler);
server.on('tlsClientError', (err) => emit({ event: 'tlsError', message: err.message }));

server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => emit({ event: 'listening', port: server.address().port }));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
    let cmd;
    try { cmd = JSON.parse(line); } catch (e) { return; }
    if (cmd.cmd === 'status') {
        status = cmd.code;
        emit({ event: 'status', code: status });
    }
}).on('close', () => {
    server.close();
    process.exit(0);
});
