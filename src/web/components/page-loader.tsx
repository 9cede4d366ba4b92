import { Center, Loader } from '@mantine/core';

/** Shown while a lazy page chunk or its guard is loading. */
export function PageLoader() {
  return (
    <Center mih={240} role="status" aria-live="polite">
      <Loader size="md" />
    </Center>
  );
}
