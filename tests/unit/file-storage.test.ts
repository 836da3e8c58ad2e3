import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFileStorage } from '../../cloudfunctions/core/files';
import { cloudbaseFileStorage, TEMP_URL_SECONDS } from '../../cloudfunctions/core/files-cloudbase';

describe('file storage for generated files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gongzhi-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('locally a file lands under the upload store and is linked where the gateway serves it', async () => {
    const stored = await localFileStorage(dir).save('exports/budget/br_1-ab.xlsx', Buffer.from('xlsx'));
    expect(stored).toEqual({ fileId: 'local://files/exports/budget/br_1-ab.xlsx', url: '/files/exports/budget/br_1-ab.xlsx' });
    expect(readFileSync(join(dir, 'exports/budget/br_1-ab.xlsx'), 'utf8')).toBe('xlsx');
  });

  test.each(['../outside.xlsx', 'exports/../../x.xlsx', '/etc/x.xlsx', 'exports/名单.xlsx', 'exports/x'])('a path that could leave the store is refused: %s', async (path) => {
    await expect(localFileStorage(dir).save(path, Buffer.from('x'))).rejects.toThrow('bad storage path');
    await expect(cloudbaseFileStorage(() => ({ uploadFile: jest.fn(), getTempFileURL: jest.fn() }) as never).save(path, Buffer.from('x'))).rejects.toThrow('bad storage path');
  });

  // CloudBase cannot run here: a stand-in app answers in the node SDK's shapes (3.18), to pin what is asked of it.
  test('on CloudBase the file is uploaded by its cloud path, and the link is a temporary one of 30 minutes', async () => {
    const uploadFile = jest.fn(async () => ({ fileID: 'cloud://env.bucket/exports/budget/br_1-ab.xlsx' }));
    const getTempFileURL = jest.fn(async () => ({ fileList: [{ code: 'SUCCESS', fileID: 'cloud://env.bucket/exports/budget/br_1-ab.xlsx', tempFileURL: 'https://env.tcb.qcloud.la/exports/budget/br_1-ab.xlsx?sign=1' }] }));
    const body = Buffer.from('xlsx');
    const stored = await cloudbaseFileStorage(() => ({ uploadFile, getTempFileURL }) as never).save('exports/budget/br_1-ab.xlsx', body);
    expect(uploadFile).toHaveBeenCalledWith({ cloudPath: 'exports/budget/br_1-ab.xlsx', fileContent: body });
    expect(getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: 'cloud://env.bucket/exports/budget/br_1-ab.xlsx', maxAge: TEMP_URL_SECONDS }] });
    expect(TEMP_URL_SECONDS).toBe(1800);
    expect(stored).toEqual({ fileId: 'cloud://env.bucket/exports/budget/br_1-ab.xlsx', url: 'https://env.tcb.qcloud.la/exports/budget/br_1-ab.xlsx?sign=1' });
  });

  test('on CloudBase a link that was not given is an error, not an empty url', async () => {
    const storage = cloudbaseFileStorage(() => ({ uploadFile: async () => ({ fileID: 'cloud://f' }), getTempFileURL: async () => ({ fileList: [{ code: 'STORAGE_FILE_NONEXIST', fileID: 'cloud://f', tempFileURL: '' }] }) }) as never);
    await expect(storage.save('exports/x.xlsx', Buffer.from('x'))).rejects.toThrow('STORAGE_FILE_NONEXIST');
  });
});
