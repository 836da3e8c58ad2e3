import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';

/** A file a function made and stored: its id in storage and a link the caller can open for a while. */
export interface StoredFile {
  fileId: string;
  url: string;
}

/**
 * Where functions put the files they generate (exports): CloudBase cloud storage in production, the local cloud's
 * upload store here. `path` is a relative storage path made by the function itself, such as `exports/budget/x.xlsx`.
 */
export interface FileStorage {
  save(path: string, body: Buffer): Promise<StoredFile>;
}

/** Storage paths: plain relative segments, so no path can leave the store's folder. */
const SAFE_PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.[a-z0-9]{1,8}$/;

export function checkStoragePath(path: string): string {
  if (!SAFE_PATH.test(path)) throw new TypeError(`bad storage path: ${path}`);
  return path;
}

/**
 * The local cloud's upload store: files land in `dir` and the gateway serves them at `/files/<path>`, the same
 * place uploaded photos go. The link does not expire: nothing here leaves the machine.
 */
export function localFileStorage(dir: string): FileStorage {
  const base = resolve(dir);
  return {
    async save(path, body) {
      const file = normalize(join(base, checkStoragePath(path)));
      if (!file.startsWith(base + sep)) throw new TypeError(`bad storage path: ${path}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, body);
      return { fileId: `local://files/${path}`, url: `/files/${path}` };
    },
  };
}
