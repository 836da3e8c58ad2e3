export default definePageConfig({ navigationBarTitleText: '审核提案', enablePullDownRefresh: true })
