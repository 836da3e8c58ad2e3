export default definePageConfig({ navigationBarTitleText: '爱心积分', enablePullDownRefresh: true })
