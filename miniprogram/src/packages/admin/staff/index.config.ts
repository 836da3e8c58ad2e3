export default definePageConfig({ navigationBarTitleText: '社区工作者', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
