export default definePageConfig({ navigationBarTitleText: '新建固定预约', enablePullDownRefresh: true })
