export default definePageConfig({ navigationBarTitleText: '到场签到' })
