export default definePageConfig({ navigationBarTitleText: '主持议事', enablePullDownRefresh: true })
