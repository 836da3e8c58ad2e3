export default definePageConfig({ navigationBarTitleText: '心愿管理', enablePullDownRefresh: true })
