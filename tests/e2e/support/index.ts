export * from './browser';
export * from './cloud';
export { ROOT, SCREENSHOT_DIR } from './paths';
export * from './dialog';
