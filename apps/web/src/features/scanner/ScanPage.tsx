import { Center, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { useParams } from 'react-router';
import { RequireRole, STAFF_ROLES } from '../../shared/auth/RequireRole';
import { useFeatureTranslation } from '../../shared/i18n/namespaces';
import { Scanner } from './Scanner';

function ScanRoute() {
  const { eventId = '' } = useParams();
  useFeatureTranslation('scanner');
  return (
    <RequireRole roles={STAFF_ROLES} offline={<Scanner key={eventId} eventId={eventId} memberId={null} />}>
      {(member) => <Scanner key={eventId} eventId={eventId} memberId={member.id} />}
    </RequireRole>
  );
}

/**
 * /scan/:eventId: the door scanner, full screen (outside the app's header), for the event's staff.
 * With no network at load (a session this phone holds but could not confirm) it still scans, from
 * the event's data saved on the phone, and queues.
 */
export default function ScanPage() {
  return (
    <Suspense
      fallback={
        <Center mih="50dvh">
          <Loader aria-label="…" />
        </Center>
      }
    >
      <ScanRoute />
    </Suspense>
  );
}
