export default definePageConfig({ navigationBarTitleText: '活动室', enablePullDownRefresh: true })
