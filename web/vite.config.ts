/// <reference types="vitest/config" />
import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { compression } from 'vite-plugin-compression2'
import { compileHints } from './build/compileHints.ts'
import { FIRST_SCREEN_CHUNK_NAMES, firstScreenChunks } from './build/firstScreenChunks.ts'
import { lazyVantIconFont } from './build/lazyVantIconFont.ts'
import { preloadFirstScreen } from './build/preloadFirstScreen.ts'

const server = 'http://127.0.0.1:3000'
const FIRST_SCREEN = {
  entry: ['src/main.ts'],
  opening: ['src/platform/wecom.ts', 'src/api/endpoints.ts'],
  app: ['src/app.ts', 'src/pages/FollowUpPage.vue'],
  // Below the first question (src/components/follow-up/formParts.ts): one file, asked for as soon as the app runs.
  parts: ['src/components/follow-up/FollowUpFormRest.vue', 'src/components/follow-up/FollowUpModuleText.vue', 'src/components/follow-up/FollowUpModuleLocation.vue'],
}

export default defineConfig({
  plugins: [
    lazyVantIconFont(),
    preloadFirstScreen({ opening: FIRST_SCREEN.opening, rest: FIRST_SCREEN.app }),
    compileHints(FIRST_SCREEN_CHUNK_NAMES),
    vue(),
    Components({ resolvers: [VantResolver()], dts: false, dirs: [] }),
    // Brotli (max quality) and gzip beside every text asset, compressed once here instead of on every request: the
    // server sends the smallest its client accepts (express-static-gzip). On the phone profile the first screen is
    // about 12 KB lighter than the server's on-the-fly brotli.
    compression({ include: /^assets\/.*\.(?:js|css|svg)$/, algorithms: ['brotliCompress', 'gzip'], threshold: 512, logLevel: 'silent' }),
  ],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: 'dist',
    manifest: true,
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: { output: { codeSplitting: { groups: firstScreenChunks(FIRST_SCREEN) } } },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': server,
      '/auth': server,
    },
  },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    server: { deps: { inline: ['vant', '@wecom/jssdk'] } },
  },
})
