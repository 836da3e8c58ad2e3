export default definePageConfig({ navigationBarTitleText: '居民名单与主持人', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
