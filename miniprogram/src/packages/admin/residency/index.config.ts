export default definePageConfig({ navigationBarTitleText: '居民认证审核', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
