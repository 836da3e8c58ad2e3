export default definePageConfig({ navigationBarTitleText: '停用时段', enablePullDownRefresh: true })
