import path from 'node:path'
import { defineConfig } from '@tarojs/cli'
import { wechatTarget } from './wechat'

// Code in the repository's top-level shared/ folder is compiled with the app.
const sharedDir = path.resolve(__dirname, '../../shared')

// Packages that ship syntax newer than the oldest WeChat JavaScript engines parse (zod 3 has `?.` and `??`;
// iOS 13.0–13.3 cannot read them, and with `setting.es6: false` WeChat does not transpile either).
// `npm run check:weapp` parses every emitted bundle to catch the next one.
const transpiledPackages = [(file: string) => /node_modules[\\/]zod[\\/]/.test(file)]

// one folder per target, or the weapp and h5 builds overwrite each other
const outputRoot = `../dist/${process.env.TARO_ENV}`

const wechat = process.env.TARO_ENV === 'weapp' ? wechatTarget(process.env) : null

export default defineConfig({
  projectName: 'gongzhi',
  date: '2026-11-24',
  // NutUI is drawn at 375 px, our own styles at 750. Taro copies this function's text into app.js for
  // `Taro.pxTransform`, where no build helper exists: keep it free of `typeof` on objects, spread and the
  // like, which the config compiler turns into helper calls. `npm run check:weapp` runs the copy.
  designWidth(input) {
    const file = input ? (input as { file?: string }).file : undefined
    return file && String(file).indexOf('@nutui') !== -1 ? 375 : 750
  },
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src',
  // one folder per target, or the weapp and h5 builds overwrite each other
  outputRoot,
  plugins: [],
  framework: 'react',
  compiler: 'webpack5',
  alias: { '@shared': sharedDir },
  // The CloudBase environment `wx.cloud.init` binds to (empty in the tourist preview and on H5).
  env: { TARO_APP_CLOUD_ENV: JSON.stringify(wechat?.cloudEnv ?? '') },
  // Which pages WeChat search may index: only those a visitor can read.
  copy: wechat ? { patterns: [{ from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` }], options: {} } : undefined,
  mini: {
    // Taro's script rule only covers src/ and node_modules/*taro*
    compile: { include: [sharedDir, ...transpiledPackages] },
    // Pages import NutUI's per-component sheets (icon, button) in different orders. Where their rules meet,
    // the button's are the more specific (`.nut-button .nut-icon`), so the order does not decide what is
    // drawn, and the "Conflicting order" errors the build would print are noise.
    miniCssExtractPluginOption: { ignoreOrder: true },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
  h5: {
    publicPath: './',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    esnextModules: ['@nutui'],
    // Same NutUI sheet-order noise as in `mini` above.
    miniCssExtractPluginOption: { ignoreOrder: true },
    compile: { include: [sharedDir] },
    // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of zod, the
    // contract and NutUI (250–500 KB each). Sharing them across page chunks loads them once.
    webpackChain(chain) {
      if (process.env.NODE_ENV === 'production') {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      }
    },
    postcss: {
      pxtransform: { enable: true, config: {} },
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
})
