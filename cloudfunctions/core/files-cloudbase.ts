import * as tcb from '@cloudbase/node-sdk';
import { checkStoragePath, type FileStorage } from './files';

/** How long an export's link stays valid: long enough to open it on the phone, short enough not to spread. */
export const TEMP_URL_SECONDS = 30 * 60;

/** An upload must finish within the function's 10 s; the SDK's own default (15 s) would outlive it. */
const UPLOAD_TIMEOUT_MS = 6000;

type StorageApp = Pick<tcb.CloudBase, 'uploadFile' | 'getTempFileURL'>;

/**
 * CloudBase cloud storage: `uploadFile` with the path as `cloudPath`, then `getTempFileURL` for a link valid for
 * TEMP_URL_SECONDS. The app is made on first use, so a cold start that exports nothing pays nothing.
 */
export function cloudbaseFileStorage(make: () => StorageApp = () => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, timeout: UPLOAD_TIMEOUT_MS })): FileStorage {
  let app: StorageApp | null = null;
  return {
    async save(path, body) {
      app ??= make();
      const { fileID } = await app.uploadFile({ cloudPath: checkStoragePath(path), fileContent: body });
      if (!fileID) throw new Error(`cloud storage upload gave no file id for ${path}`);
      const { fileList } = await app.getTempFileURL({ fileList: [{ fileID, maxAge: TEMP_URL_SECONDS }] });
      const link = fileList?.find((f) => f.fileID === fileID);
      if (!link || link.code !== 'SUCCESS' || !link.tempFileURL) throw new Error(`no temporary link for ${fileID}: ${link?.code ?? 'missing'}`);
      return { fileId: fileID, url: link.tempFileURL };
    },
  };
}
