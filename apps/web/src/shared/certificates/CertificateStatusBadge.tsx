import type { CertificateStatus } from '../../gql/graphql';

/** Dark enough for white text (WCAG AA at any size); the word says the status too, not only the colour. */
const STATUS_COLOR: Record<CertificateStatus, string> = {
  VALID: '#1b5e20',
  EXPIRED: '#343a40',
  REVOKED: '#a51d24',
};

/** A certificate's status as a coloured word: the member's certificate page and the staff panel. */
export function CertificateStatusBadge({
  status,
  label,
  testId,
}: {
  status: CertificateStatus;
  label: string;
  testId: string;
}) {
  return (
    <span
      style={{
        display: 'inline-block',
        padding: '2px 10px',
        fontWeight: 700,
        backgroundColor: STATUS_COLOR[status],
        color: '#ffffff',
        borderRadius: 4,
      }}
      data-testid={testId}
    >
      {label}
    </span>
  );
}
