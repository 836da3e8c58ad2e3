export default definePageConfig({ navigationBarTitleText: '社区与工作人员', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
