import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../components/Page'
import { MODULE_TILES } from '../../services/modules'

export default function ServicesPage() {
  return (
    <Page>
      <Text className="page-title">服务</Text>
      <Text className="page-intro">社区为居民提供的服务，都在这里。</Text>
      <View className="gz-menu">
        {MODULE_TILES.map((tile) => (
          <View
            key={tile.key}
            className="gz-menu__item"
            role="button"
            onClick={() =>
              tile.url
                ? void (tile.tab ? Taro.switchTab({ url: tile.url }) : Taro.navigateTo({ url: tile.url }))
                : void Taro.showToast({ title: `${tile.title}即将上线，敬请期待`, icon: 'none' })
            }
          >
            <View className="gz-stack">
              <Text className="gz-menu__label">{tile.title}</Text>
              <Text className="gz-muted">{tile.hint}</Text>
            </View>
            <Text className="gz-menu__value">{tile.url ? '' : '即将上线'}</Text>
          </View>
        ))}
      </View>
    </Page>
  )
}
