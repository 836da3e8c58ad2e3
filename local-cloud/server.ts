import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CloudFunction } from '../cloudfunctions/core/router';
import type { Runtime } from '../cloudfunctions/core/runtime';
import { issueToken, verifyToken } from './session';
import type { LocalContext } from './runtime';
import { runCron } from './timer';

export interface LocalCloudOptions {
  runtime: Runtime;
  functions: Record<string, CloudFunction>;
  secret: Buffer;
  /** Where uploaded files go (stands in for cloud storage). */
  filesDir: string;
  /** The H5 build to serve at `/`, when present. */
  h5Dir?: string;
  /** Accounts the H5 sign-in page offers. */
  demoAccounts?: { openid: string; label: string }[];
}

const API_BODY_LIMIT = 1024 * 1024;
const UPLOAD_LIMIT = 10 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const UPLOAD_TYPES: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp', 'application/pdf': '.pdf' };

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The local cloud: the same cloud functions over HTTP, a sign-in that stands in for WeChat's, an upload
 * endpoint that stands in for cloud storage, and the H5 build.
 */
export function createLocalCloud(options: LocalCloudOptions): Server {
  mkdirSync(options.filesDir, { recursive: true });
  return createServer((req, res) => {
    route(options, req, res).catch((error: unknown) => {
      const e = error instanceof HttpError ? error : new HttpError(500, 'INTERNAL', '系统繁忙，请稍后再试');
      if (!(error instanceof HttpError)) options.runtime.log('error', 'gateway error', { error: String(error) });
      if (res.headersSent) res.end();
      else if (e.status === 413) refuseOversized(req, res, e);
      else sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } });
    });
  });
}

async function route(o: LocalCloudOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = url.pathname;
  if (req.method === 'POST' && path === '/api/dev/login') return login(o, req, res);
  if (req.method === 'GET' && path === '/api/dev/accounts') return sendJson(res, 200, { ok: true, data: o.demoAccounts ?? [] });
  if (req.method === 'POST' && path === '/api/dev/tick') return tick(o, req, res);
  if (req.method === 'POST' && path === '/api/upload') return upload(o, req, res, url);
  if (req.method === 'POST' && path.startsWith('/api/')) return callFunction(o, req, res, path.slice(5));
  if (req.method === 'GET' && path.startsWith('/files/')) return serveFile(res, o.filesDir, path.slice(7));
  if (req.method === 'GET' && o.h5Dir) return serveFile(res, o.h5Dir, path === '/' ? 'index.html' : path.slice(1), 'index.html');
  throw new HttpError(404, 'NOT_FOUND', '页面不存在');
}

async function login(o: LocalCloudOptions, req: IncomingMessage, res: ServerResponse) {
  const body = parseJson(await readBody(req, 4096)) as { openid?: unknown };
  const openid = typeof body?.openid === 'string' ? body.openid.trim() : '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) {
    throw new HttpError(400, 'VALIDATION', 'openid 只能包含字母、数字、下划线和短横线');
  }
  sendJson(res, 200, { ok: true, data: { token: issueToken(o.secret, openid), openid } });
}

/**
 * Runs the timed jobs now, as the timer would, optionally as of `at` (epoch ms), so tests and the e2e can move
 * the clock. Local only: the deployed functions have no such door, and clients calling `cron` are refused.
 */
async function tick(o: LocalCloudOptions, req: IncomingMessage, res: ServerResponse) {
  const body = parseJson(await readBody(req, 4096)) as { at?: unknown } | null;
  const at = body?.at;
  if (body === null || typeof body !== 'object' || (at !== undefined && !(Number.isSafeInteger(at) && (at as number) >= 0))) {
    throw new HttpError(400, 'VALIDATION', 'at 须为毫秒时间戳');
  }
  const cron = Object.prototype.hasOwnProperty.call(o.functions, 'cron') ? o.functions.cron : undefined;
  if (!cron) throw new HttpError(404, 'NOT_FOUND', '云函数不存在：cron');
  sendJson(res, 200, await runCron(o.runtime, cron, at as number | undefined));
}

async function callFunction(o: LocalCloudOptions, req: IncomingMessage, res: ServerResponse, name: string) {
  const fn = Object.prototype.hasOwnProperty.call(o.functions, name) ? o.functions[name] : undefined;
  if (!fn) throw new HttpError(404, 'NOT_FOUND', `云函数不存在：${name.slice(0, 40)}`);
  const auth = req.headers.authorization ?? '';
  const context: LocalContext = {};
  if (auth.startsWith('Bearer ')) {
    const openid = verifyToken(o.secret, auth.slice(7));
    if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    context.WX_OPENID = openid;
  }
  const event = parseJson(await readBody(req, API_BODY_LIMIT));
  if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new HttpError(400, 'VALIDATION', '请求格式不正确');
  // Always 200, as callFunction resolves: the envelope carries the outcome.
  sendJson(res, 200, await fn(o.runtime, event as Record<string, unknown>, context));
}

async function upload(o: LocalCloudOptions, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (!req.headers.authorization?.startsWith('Bearer ') || !verifyToken(o.secret, req.headers.authorization.slice(7))) {
    throw new HttpError(401, 'UNAUTHENTICATED', '请先登录');
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  const ext = UPLOAD_TYPES[type];
  if (!ext) throw new HttpError(400, 'VALIDATION', '只能上传图片或 PDF 文件');
  const body = await readBody(req, UPLOAD_LIMIT);
  if (!body.length) throw new HttpError(400, 'VALIDATION', '文件为空');
  const name = `${Date.now().toString(36)}${randomBytes(6).toString('hex')}${ext}`;
  writeFileSync(join(o.filesDir, name), body);
  void url;
  sendJson(res, 200, { ok: true, data: { fileId: `local://files/${name}`, url: `/files/${name}` } });
}

function serveFile(res: ServerResponse, root: string, relative: string, fallback?: string) {
  const base = resolve(root);
  let file = normalize(join(base, decodePath(relative)));
  // The folder plus a separator: a bare prefix test would let `files/../files-other/x` into a sibling folder.
  if (file !== base && !file.startsWith(base + sep)) throw new HttpError(403, 'FORBIDDEN', '禁止访问');
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (!fallback) throw new HttpError(404, 'NOT_FOUND', '文件不存在');
    file = join(base, fallback);
    if (!existsSync(file)) throw new HttpError(404, 'NOT_FOUND', 'H5 尚未构建，请运行 npm run build:h5');
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
}

/** A broken escape (`%`, `%zz`, a cut-off UTF-8 sequence) is the client's mistake, not a crash. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new HttpError(400, 'VALIDATION', '地址格式不正确');
  }
}

/** How long an oversized body may keep arriving, discarded, after the 413 went out, before the socket is cut. */
const OVERSIZED_DRAIN_MS = 2000;

/**
 * The 413 envelope, then the connection closes. Destroying the socket at once resets it under a client still
 * sending, and the client never reads the answer; so the rest of the body is read and thrown away, for a short
 * while only, and the connection is cut after that.
 */
function refuseOversized(req: IncomingMessage, res: ServerResponse, e: HttpError) {
  res.setHeader('connection', 'close');
  sendJson(res, e.status, { ok: false, error: { code: e.code, message: e.message } });
  const cut = setTimeout(() => req.socket.destroy(), OVERSIZED_DRAIN_MS);
  cut.unref();
  req.once('end', () => clearTimeout(cut));
  req.once('close', () => clearTimeout(cut));
  req.resume();
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(new HttpError(413, 'VALIDATION', '内容太大'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new HttpError(400, 'VALIDATION', '请求格式不正确');
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
