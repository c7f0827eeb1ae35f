// The demo sign-ins the seed creates (printed by the start command, used by the e2e tests).
export const DEMO_PASSWORD = 'stretch-and-breathe-2026';

export const DEMO_ACCOUNTS = {
  therapist: { email: 'maya.okafor@riverside-physio.example', name: 'Maya Okafor', who: 'therapist at Riverside Physio (7 patients)' },
  patient: { email: 'alex.morgan@riverside-physio.example', name: 'Alex Morgan', who: 'patient of Maya' },
  admin: { email: 'priya.shah@riverside-physio.example', name: 'Priya Shah', who: 'clinic admin at Riverside Physio' },
  otherClinicTherapist: { email: 'leo.fischer@harbour-chiro.example', name: 'Leo Fischer', who: 'therapist at a second clinic (isolation)' },
  otherPatient: { email: 'jordan.lee@riverside-physio.example', name: 'Jordan Lee', who: "patient of Daniel Reyes (Maya's colleague)" },
} as const;
