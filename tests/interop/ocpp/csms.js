'use strict';
// Strict OCPP 2.0.1 CSMS for the interop suite, built on ocpp-rpc in strict mode (official
// 2.0.1 schemas). Driven over stdin/stdout with JSON lines so that a test in any language can
// script it:
//   stdout events:  {"event":"listening","port":N}, {"event":"auth",...}, {"event":"call",...},
//                   {"event":"strictValidationFailure",...}, {"event":"badMessage",...},
//                   {"event":"close",...}, {"event":"reply", "re":<command id>, ...}
//   stdin commands: {"id":1,"cmd":"configure","identity":"CS1","password":"...","bootStatuses":["Pending","Accepted"],"bootInterval":5}
//                   {"id":2,"cmd":"call","identity":"CS1","method":"GetVariables","params":{...}}
//                   {"id":3,"cmd":"raw","identity":"CS1","text":"...","expectId":"x"}
//                   {"id":4,"cmd":"close","identity":"CS1","code":1001}
//                   {"id":5,"cmd":"stats"}
//   transactions (issue 6): "configure" also takes "tokens":{"<idToken>":"<status>"} (default Accepted, all
//   in group GROUP-1) and "refuse":true|false (refuse connections with HTTP 503: a network outage).
//   "password":"client-certificate" accepts a station by its TLS client certificate (profile 3) instead.
//   Authorize and TransactionEvent with an idToken are answered with that token's idTokenInfo.
const readline = require('readline');
const { RPCServer, createRPCError } = require('ocpp-rpc');

const SUBPROTOCOL = 'ocpp2.0.1';
const stations = new Map();   // identity -> configuration
const clients = new Map();    // identity -> connected client
const rawWaiters = new Map(); // messageId -> command id
const strictFailures = [];

function emit(obj) {
    process.stdout.write(JSON.stringify(obj) + '\n');
}

function config(identity) {
    if (!stations.has(identity)) {
        stations.set(identity, { password: null, bootStatuses: ['Accepted'], bootInterval: 300, boots: 0, tokens: {}, refuse: false });
    }
    return stations.get(identity);
}

const server = new RPCServer({
    protocols: [SUBPROTOCOL],
    strictMode: true,
    callTimeoutMs: 10000,
    pingIntervalMs: 60000,
});

server.auth((accept, reject, handshake) => {
    const cfg = config(handshake.identity);
    const offered = handshake.protocols.has(SUBPROTOCOL);
    const password = handshake.password ? handshake.password.toString('utf8') : null;
    // Security profile 3: the station authenticates with its client certificate (verified by the
    // TLS layer against --client-ca), and the certificate's CN must be the station identity.
    const sock = handshake.request && handshake.request.socket;
    const peer = sock && typeof sock.getPeerCertificate === 'function' ? sock.getPeerCertificate() : null;
    const clientCn = peer && peer.subject ? peer.subject.CN || null : null;
    const certOk = clientCn !== null && sock.authorized === true && clientCn === handshake.identity;
    const passwordOk = cfg.password === null || cfg.password === password || (cfg.password === 'client-certificate' && certOk);
    const ok = offered && passwordOk;
    emit({ event: 'auth', identity: handshake.identity, offered, passwordOk, clientCn, clientAuthorized: sock ? sock.authorized === true : false, accepted: ok, at: Date.now() });
    if (!offered) {
        return reject(400, 'ocpp2.0.1 subprotocol required');
    }
    if (cfg.refuse) {
        return reject(503, 'outage');
    }
    if (!ok) {
        return reject(401, 'bad credentials');
    }
    accept({ identity: handshake.identity }, SUBPROTOCOL);
});

server.on('client', (client) => {
    const identity = client.identity;
    clients.set(identity, client);
    const cfg = config(identity);

    client.on('strictValidationFailure', (e) => {
        const failure = { identity, method: e.method, outbound: e.outbound, isCall: e.isCall, error: String(e.error && e.error.message) };
        strictFailures.push(failure);
        emit(Object.assign({ event: 'strictValidationFailure' }, failure));
    });
    client.on('badMessage', (e) => emit({ event: 'badMessage', identity, message: String(e.buffer || ''), error: String(e.error && e.error.message) }));
    client.on('message', ({ message, outbound }) => {
        if (outbound) {
            return;
        }
        let parsed;
        try { parsed = JSON.parse(message.toString()); } catch (err) { return; }
        if (Array.isArray(parsed) && parsed[0] !== 2 && rawWaiters.has(parsed[1])) {
            const re = rawWaiters.get(parsed[1]);
            rawWaiters.delete(parsed[1]);
            emit({ event: 'reply', re, frame: parsed });
        }
    });
    client.on('close', ({ code, reason }) => {
        if (clients.get(identity) === client) {
            clients.delete(identity);
        }
        emit({ event: 'close', identity, code, reason: String(reason || '') });
    });

    client.handle('BootNotification', ({ params }) => {
        const status = cfg.bootStatuses[Math.min(cfg.boots, cfg.bootStatuses.length - 1)];
        cfg.boots++;
        emit({ event: 'call', identity, method: 'BootNotification', params, answered: status });
        return { currentTime: new Date().toISOString(), interval: cfg.bootInterval, status };
    });
    client.handle('Heartbeat', ({ params }) => {
        emit({ event: 'call', identity, method: 'Heartbeat', params });
        return { currentTime: new Date().toISOString() };
    });
    client.handle(({ method, params }) => {
        emit({ event: 'call', identity, method, params });
        if (['StatusNotification', 'NotifyReport', 'MeterValues', 'NotifyEvent', 'ReportChargingProfiles', 'SecurityEventNotification', 'LogStatusNotification', 'FirmwareStatusNotification'].includes(method)) {
            return {};
        }
        if (method === 'SignCertificate') {
            return { status: 'Accepted' }; // the test signs the CSR and sends CertificateSigned itself
        }
        if (method === 'Authorize') {
            return { idTokenInfo: tokenInfo(cfg, params.idToken) };
        }
        if (method === 'TransactionEvent') {
            return params.idToken ? { idTokenInfo: tokenInfo(cfg, params.idToken) } : {};
        }
        throw createRPCError('NotImplemented', method + ' not handled by the interop CSMS');
    });
});

function tokenInfo(cfg, idToken) {
    const status = cfg.tokens[idToken.idToken] || 'Accepted';
    return { status, groupIdToken: { idToken: 'GROUP-1', type: 'Central' } };
}

async function handle(cmd) {
    const reply = (obj) => emit(Object.assign({ event: 'reply', re: cmd.id }, obj));
    switch (cmd.cmd) {
        case 'configure': {
            const cfg = config(cmd.identity);
            if ('password' in cmd) cfg.password = cmd.password;
            if (cmd.bootStatuses) cfg.bootStatuses = cmd.bootStatuses;
            if (cmd.bootInterval !== undefined) cfg.bootInterval = cmd.bootInterval;
            if (cmd.tokens) cfg.tokens = cmd.tokens;
            if ('refuse' in cmd) {
                cfg.refuse = cmd.refuse;
                return reply({ ok: true });
            }
            cfg.boots = 0;
            return reply({ ok: true });
        }
        case 'call': {
            const client = clients.get(cmd.identity);
            if (!client) return reply({ ok: false, error: { code: 'NotConnected' } });
            try {
                const result = await client.call(cmd.method, cmd.params);
                return reply({ ok: true, result });
            } catch (err) {
                return reply({ ok: false, error: { code: err.rpcErrorCode || err.name, message: err.message } });
            }
        }
        case 'raw': {
            const client = clients.get(cmd.identity);
            if (!client) return reply({ ok: false, error: { code: 'NotConnected' } });
            rawWaiters.set(cmd.expectId, cmd.id);
            client.sendRaw(cmd.text);
            return undefined;
        }
        case 'close': {
            const client = clients.get(cmd.identity);
            if (client) await client.close({ code: cmd.code || 1000, reason: 'interop close', force: true });
            return reply({ ok: true });
        }
        case 'stats':
            return reply({ ok: true, strictFailures });
        default:
            return reply({ ok: false, error: { code: 'UnknownCommand' } });
    }
}

async function listen(port) {
    // node csms.js <port> [--tls <cert.pem> <key.pem>]: security profiles 2 and 3 need a TLS endpoint.
    const tls = process.argv.indexOf('--tls');
    if (tls < 0) {
        return server.listen(port, '127.0.0.1');
    }
    const fs = require('fs');
    const https = require('https');
    // [--client-ca <ca.pem>]: security profile 3, a client certificate issued by that CA is required.
    const clientCa = process.argv.indexOf('--client-ca');
    const options = {
        cert: fs.readFileSync(process.argv[tls + 1], 'utf8'),
        key: fs.readFileSync(process.argv[tls + 2], 'utf8'),
        minVersion: 'TLSv1.2', // OCPP 2.0.1 part 2 A00: TLS 1.2 or newer
    };
    if (clientCa >= 0) {
        options.ca = fs.readFileSync(process.argv[clientCa + 1], 'utf8');
        options.requestCert = true;
        options.rejectUnauthorized = true;
    }
    const httpsServer = https.createServer(options);
    httpsServer.on('upgrade', server.handleUpgrade);
    httpsServer.on('tlsClientError', (err) => emit({ event: 'tlsError', error: String(err.message) }));
    await new Promise((resolve) => httpsServer.listen(port, '127.0.0.1', resolve));
    return httpsServer;
}

(async () => {
    const port = Number(process.argv[2] || 0);
    const httpServer = await listen(port);
    emit({ event: 'listening', port: httpServer.address().port });
    const rl = readline.createInterface({ input: process.stdin });
    rl.on('line', (line) => {
        let cmd;
        try { cmd = JSON.parse(line); } catch (err) { return emit({ event: 'error', error: 'bad command: ' + line }); }
        handle(cmd).catch((err) => emit({ event: 'error', error: String(err) }));
    });
    rl.on('close', () => server.close({ force: true }).then(() => process.exit(0)));
})();
