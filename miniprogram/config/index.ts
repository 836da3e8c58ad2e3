import path from 'node:path'
import { defineConfig } from '@tarojs/cli'

// Code in the repository's top-level shared/ folder is compiled with the app.
const sharedDir = path.resolve(__dirname, '../../shared')

export default defineConfig({
  projectName: 'gongzhi',
  date: '2026-11-24',
  // NutUI is drawn at 375 px, our own styles at 750.
  designWidth(input) {
    const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
    return file.includes('@nutui') ? 375 : 750
  },
  deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
  sourceRoot: 'src',
  // one folder per target, or the weapp and h5 builds overwrite each other
  outputRoot: `../dist/${process.env.TARO_ENV}`,
  plugins: [],
  framework: 'react',
  compiler: 'webpack5',
  alias: { '@shared': sharedDir },
  mini: {
    // Taro's script rule only covers src/ and node_modules/*taro*
    compile: { include: [sharedDir] },
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
