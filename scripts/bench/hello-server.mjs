// The throughput floor of this machine for the benchmark (scripts/bench/run.ts): a bare node:http server
// answering a short body, on loopback, so every app figure can be read as a fraction of it.
import http from 'node:http';

const port = Number(process.argv[2] ?? 3321);
const body = Buffer.from('{"ok":true}');
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
});
server.listen(port, '127.0.0.1', () => console.info(`ready on 127.0.0.1:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
