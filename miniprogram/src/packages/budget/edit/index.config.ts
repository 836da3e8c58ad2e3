export default definePageConfig({ navigationBarTitleText: '本轮设置' })
