export default definePageConfig({ navigationBarTitleText: '暂停预约', enablePullDownRefresh: true })
