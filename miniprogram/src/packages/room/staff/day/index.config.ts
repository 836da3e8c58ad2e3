export default definePageConfig({ navigationBarTitleText: '每日安排', enablePullDownRefresh: true })
