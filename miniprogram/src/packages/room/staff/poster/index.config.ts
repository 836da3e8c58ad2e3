export default definePageConfig({ navigationBarTitleText: '门口签到二维码', enablePullDownRefresh: true })
