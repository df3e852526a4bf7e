import { graphql } from '../../gql';

/**
 * The view and its comparison in one operation (two reports, the most GRAPHQL_MAX_REPORTS allows):
 * the chosen period and the previous one of the same length, for the same unit.
 */
export const DashboardEngagementDocument = graphql(`
  query DashboardEngagement($current: EngagementFilter!, $previous: EngagementFilter!) {
    current: engagement(filter: $current) {
      from
      to
      computedAt
      summary
      members
      activeMembers
      events
      registrations
      attendances
      uniqueParticipants
      attendanceRate
      firstTimeVoters {
        members
        activeMembers
      }
      byUnit {
        unit {
          id
          code
          name
        }
        members
        activeMembers
        events
        registrations
        attendances
        uniqueParticipants
      }
      byMonth {
        month
        newMembers
        events
        registrations
        attendances
        uniqueParticipants
      }
      byClub {
        club {
          id
          name
          unit {
            id
            name
          }
        }
        members
        events
        registrations
        attendances
        uniqueParticipants
        noShows
        noShowRate
      }
      byAgeBand {
        band
        members
        activeMembers
        attendances
        uniqueParticipants
      }
      byKind {
        kind
        events
        registrations
        attendances
        uniqueParticipants
      }
      funnel {
        registrations
        attendances
        badges
        registeredMembers
        attendedMembers
        badgedMembers
      }
      retention {
        participants
        returning
        rate
      }
    }
    previous: engagement(filter: $previous) {
      from
      to
      members
      activeMembers
      events
      registrations
      attendances
      uniqueParticipants
      attendanceRate
      firstTimeVoters {
        activeMembers
      }
      byClub {
        club {
          id
        }
        members
        events
        registrations
        attendances
        uniqueParticipants
        noShows
        noShowRate
      }
    }
  }
`);

/** Every unit (public): names and ids of the codes in the address. */
export const DashboardUnitsDocument = graphql(`
  query DashboardUnits {
    units {
      id
      code
      name
      level
    }
  }
`);
