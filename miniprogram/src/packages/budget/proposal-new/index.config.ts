export default definePageConfig({ navigationBarTitleText: '提交提案' })
