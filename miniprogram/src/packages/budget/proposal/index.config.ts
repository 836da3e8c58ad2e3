export default definePageConfig({ navigationBarTitleText: '提案详情', enablePullDownRefresh: true })
