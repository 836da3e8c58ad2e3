// NutUI's full stylesheet adds ~300 KB to the main package: import each component's own css instead.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        // the option is `style` (a function); `customStyle` is silently ignored
        style: (name) => `${name}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
