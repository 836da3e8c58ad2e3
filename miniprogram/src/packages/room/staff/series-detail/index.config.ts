export default definePageConfig({ navigationBarTitleText: '固定预约', enablePullDownRefresh: true })
