import type { roomContract } from '@shared/contract';
import { AppError } from '@shared/errors';
import { doorScene } from '@shared/room/rules';
import QRCode from 'qrcode';
import type { Handler } from '../core/router';

type C = typeof roomContract;

/** The page the door code opens; it reads the room and code from the scene. */
export const CHECK_IN_PAGE = 'packages/room/checkin/index';

/** WeChat refuses a longer scene. */
const MAX_SCENE = 32;

/**
 * The door's code: on WeChat a mini-program code made by `wxacode.getUnlimited`, which opens the check-in page
 * with the room and its code; locally, or when WeChat cannot make one, a plain QR of the same scene, which the
 * poster prints with the code under it for typing on H5.
 */
export const doorQr: Handler<C['doorQr']> = async (_input, ctx) => {
  const room = ctx.target;
  const scene = doorScene(room._id, room.checkInCode);
  if (scene.length > MAX_SCENE) throw new AppError('INTERNAL', '活动室编号过长，无法生成小程序码');
  const base = { roomId: room._id, roomName: room.name, scene, page: CHECK_IN_PAGE, checkInCode: room.checkInCode };
  if (ctx.runtime.miniProgramCode) {
    try {
      const png = await ctx.runtime.miniProgramCode({ scene, page: CHECK_IN_PAGE });
      return { ...base, image: dataUrl(png), source: 'wxacode' };
    } catch (error) {
      ctx.runtime.log('error', 'wxacode failed, printing a plain QR', { roomId: room._id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const png = await QRCode.toBuffer(`${CHECK_IN_PAGE}?scene=${encodeURIComponent(scene)}`, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });
  return { ...base, image: dataUrl(png), source: 'qrcode' };
};

function dataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
