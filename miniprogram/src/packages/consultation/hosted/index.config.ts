export default definePageConfig({ navigationBarTitleText: '我主持的议事', enablePullDownRefresh: true })
