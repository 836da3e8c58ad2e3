export default definePageConfig({ navigationBarTitleText: '预约活动室' })
