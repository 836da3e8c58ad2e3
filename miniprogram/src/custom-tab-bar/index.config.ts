// WeChat loads this folder as a component: the tab bar drawn for tabBar.custom. A component sees no app.wxss
// unless it asks: `apply-shared` lets the shared `.gz-tabbar` rules (common.wxss, imported by app.wxss) style it.
export default { component: true, styleIsolation: 'apply-shared' }
