export default definePageConfig({ navigationBarTitleText: '管理本轮', enablePullDownRefresh: true })
