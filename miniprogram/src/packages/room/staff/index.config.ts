export default definePageConfig({ navigationBarTitleText: '活动室管理', enablePullDownRefresh: true })
