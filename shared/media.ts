/** Content types of everything the API renders, by the format names its parameters use. */
export const MEDIA_TYPES = {
  jpg: 'image/jpeg',
  webp: 'image/webp',
  png: 'image/png',
  svg: 'image/svg+xml',
  gif: 'image/gif',
  mp4: 'video/mp4',
} as const;

export type MediaFormat = keyof typeof MEDIA_TYPES;
