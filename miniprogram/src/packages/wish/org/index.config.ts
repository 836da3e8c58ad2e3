export default definePageConfig({ navigationBarTitleText: '爱心单位', enablePullDownRefresh: true })
