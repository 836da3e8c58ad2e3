export default definePageConfig({ navigationBarTitleText: '社区管理', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
