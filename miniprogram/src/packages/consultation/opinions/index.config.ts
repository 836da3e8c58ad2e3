export default definePageConfig({ navigationBarTitleText: '意见池', enablePullDownRefresh: true })
