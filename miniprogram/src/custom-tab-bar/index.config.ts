// WeChat loads this folder as a component: the tab bar drawn for tabBar.custom.
export default { component: true }
