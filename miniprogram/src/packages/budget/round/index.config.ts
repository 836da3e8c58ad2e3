export default definePageConfig({ navigationBarTitleText: '创享计划', enablePullDownRefresh: true })
