/**
 * Picks what the browser can encode: MP4 with H.264 where VideoEncoder supports it, else WebM with
 * VP9, else VP8. Asked with VideoEncoder.isConfigSupported for the exact size and frame rate.
 */
export interface CodecChoice {
  readonly container: 'mp4' | 'webm';
  /** mediabunny's codec name. */
  readonly codec: 'avc' | 'vp9' | 'vp8';
  readonly config: VideoEncoderConfig;
}

function candidates(width: number, height: number, fps: number): { container: 'mp4' | 'webm'; codec: 'avc' | 'vp9' | 'vp8'; codecString: string }[] {
  // H.264 level by macroblocks per second: 4.0 covers 1080p30 and 720p60; 4.2 covers 1080p60.
  const mbps = Math.ceil(width / 16) * Math.ceil(height / 16) * fps;
  const level = mbps <= 245760 ? '28' : mbps <= 522240 ? '2a' : '33';
  return [
    { container: 'mp4', codec: 'avc', codecString: `avc1.6400${level}` }, // High
    { container: 'mp4', codec: 'avc', codecString: `avc1.4d00${level}` }, // Main
    { container: 'mp4', codec: 'avc', codecString: `avc1.4200${level}` }, // Baseline
    { container: 'webm', codec: 'vp9', codecString: 'vp09.00.40.08' },
    { container: 'webm', codec: 'vp8', codecString: 'vp8' },
  ];
}

export async function chooseCodec(width: number, height: number, fps: number, format: 'mp4' | 'webm' | 'auto'): Promise<CodecChoice | string> {
  if (typeof VideoEncoder === 'undefined') return 'this browser has no WebCodecs VideoEncoder';
  const bitrate = Math.round(width * height * fps * 0.18); // ~5 Mbit/s at 720p30, ~11 at 1080p30
  const tried: string[] = [];
  for (const c of candidates(width, height, fps)) {
    if (format !== 'auto' && c.container !== format) continue;
    const config: VideoEncoderConfig = {
      codec: c.codecString,
      width,
      height,
      bitrate,
      framerate: fps,
      latencyMode: 'quality',
      ...(c.codec === 'avc' ? { avc: { format: 'avc' as const } } : {}),
    };
    tried.push(c.codecString);
    try {
      const support = await VideoEncoder.isConfigSupported(config);
      if (support.supported) return { container: c.container, codec: c.codec, config };
    } catch {
      /* an unknown codec string throws in some browsers: try the next */
    }
  }
  return `no encoder for ${format === 'auto' ? 'MP4 or WebM' : format} at ${width}x${height} ${fps} fps (tried ${tried.join(', ')})`;
}
