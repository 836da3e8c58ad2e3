/**
 * The local cloud's own door, probed with hostile requests: broken escapes in the path, a path that climbs out
 * of a served folder into a sibling whose name starts the same, and a body over the limit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTIONS } from '../../cloudfunctions/modules';
import { MemoryStore } from '../../cloudfunctions/core/store/memory';
import { localRuntime } from '../../local-cloud/runtime';
import { createLocalCloud } from '../../local-cloud/server';
import { loadSecret } from '../../local-cloud/session';

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-gateway-'));
  mkdirSync(join(dir, 'files'));
  mkdirSync(join(dir, 'files-other'));
  writeFileSync(join(dir, 'files', 'ok.txt'), 'served');
  writeFileSync(join(dir, 'files-other', 'x'), 'secret next door');
  mkdirSync(join(dir, 'h5'));
  mkdirSync(join(dir, 'h5-private'));
  writeFileSync(join(dir, 'h5', 'index.html'), '<div id="app"></div>');
  writeFileSync(join(dir, 'h5-private', 'x'), 'secret next door');
  server = createLocalCloud({
    runtime: localRuntime(new MemoryStore(), { log: () => undefined }),
    functions: FUNCTIONS,
    secret: loadSecret(join(dir, 'secret')),
    filesDir: join(dir, 'files'),
    h5Dir: join(dir, 'h5'),
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

/** A request with the path exactly as written: fetch and URL would tidy it first. */
function send(method: string, path: string, body?: Buffer): Promise<{ status: number; text: string; connection?: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: body ? { 'content-length': body.length } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, text, connection: res.headers.connection }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const envelope = (text: string) => JSON.parse(text) as { ok: boolean; error: { code: string; message: string } };

test.each(['/files/%', '/%zz', '/files/%E0%A4%A', '/files/%C0', '/%E0%A4%A'])('a broken escape in %s answers 400 with an envelope, not 500', async (path) => {
  const res = await send('GET', path);
  expect(res.status).toBe(400);
  expect(envelope(res.text)).toEqual({ ok: false, error: { code: 'VALIDATION', message: '地址格式不正确' } });
});

test('a well-formed escape still finds its file', async () => {
  const res = await send('GET', '/files/%6Fk.txt');
  expect(res).toMatchObject({ status: 200, text: 'served' });
});

test.each([
  ['/files/..%2ffiles-other/x', 'uploads'],
  ['/files/..%2Ffiles-other%2Fx', 'uploads, upper-case escapes'],
  ['/..%2fh5-private/x', 'the H5 build'],
])('%s cannot read the sibling folder next to %s', async (path) => {
  const res = await send('GET', path);
  expect(res.status).toBe(403);
  expect(res.text).not.toContain('secret');
  expect(envelope(res.text).error.code).toBe('FORBIDDEN');
});

test('climbing out of the folder altogether is refused too', async () => {
  const res = await send('GET', '/files/..%2f..%2f..%2fetc%2fpasswd');
  expect(res.status).toBe(403);
});

test('a body over the limit gets the 413 envelope, which the client actually receives, then the connection closes', async () => {
  const res = await send('POST', '/api/user', Buffer.alloc(3 * 1024 * 1024, 'a'));
  expect(res.status).toBe(413);
  expect(res.connection).toBe('close');
  expect(envelope(res.text)).toEqual({ ok: false, error: { code: 'VALIDATION', message: '内容太大' } });
});

test('fetch, which sends the whole body before reading, receives the 413 too', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/api/user`, { method: 'POST', body: Buffer.alloc(2 * 1024 * 1024, 'a') });
  expect(res.status).toBe(413);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
});

test('after an oversized body the server still answers the next request', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/api/user`, { method: 'POST', body: JSON.stringify({ action: 'listCommunities', data: {} }) });
  expect(await res.json()).toEqual({ ok: true, data: [] });
});
