extension Tag {
    /// Attributes that identify a patient or the people and place around a study:
    /// the text attributes of the DICOM PS3.15 Annex E Basic Application Level
    /// Confidentiality Profile that an MSK radiograph commonly carries (names,
    /// IDs, dates of birth, addresses, institution, physicians, operators,
    /// accession and study IDs). `lightbox import` blanks them (name and ID become
    /// the pseudonym) and `lightbox dicom dump` never prints their values.
    public static let identifying: Set<Tag> = [
        Tag(0x0008, 0x0050), // AccessionNumber
        Tag(0x0008, 0x0080), // InstitutionName
        Tag(0x0008, 0x0081), // InstitutionAddress
        Tag(0x0008, 0x0090), // ReferringPhysicianName
        Tag(0x0008, 0x0092), // ReferringPhysicianAddress
        Tag(0x0008, 0x0094), // ReferringPhysicianTelephoneNumbers
        Tag(0x0008, 0x1010), // StationName
        Tag(0x0008, 0x1040), // InstitutionalDepartmentName
        Tag(0x0008, 0x1048), // PhysiciansOfRecord
        Tag(0x0008, 0x1050), // PerformingPhysicianName
        Tag(0x0008, 0x1060), // NameOfPhysiciansReadingStudy
        Tag(0x0008, 0x1070), // OperatorsName
        Tag(0x0010, 0x0010), // PatientName
        Tag(0x0010, 0x0020), // PatientID
        Tag(0x0010, 0x0021), // IssuerOfPatientID
        Tag(0x0010, 0x0030), // PatientBirthDate
        Tag(0x0010, 0x0032), // PatientBirthTime
        Tag(0x0010, 0x1000), // OtherPatientIDs
        Tag(0x0010, 0x1001), // OtherPatientNames
        Tag(0x0010, 0x1002), // OtherPatientIDsSequence
        Tag(0x0010, 0x1005), // PatientBirthName
        Tag(0x0010, 0x1040), // PatientAddress
        Tag(0x0010, 0x1060), // PatientMotherBirthName
        Tag(0x0010, 0x2154), // PatientTelephoneNumbers
        Tag(0x0010, 0x4000), // PatientComments
        Tag(0x0020, 0x0010), // StudyID
        Tag(0x0032, 0x1032), // RequestingPhysician
        Tag(0x0038, 0x0010), // AdmissionID
        Tag(0x0040, 0x0006), // ScheduledPerformingPhysicianName
        Tag(0x0040, 0xA123), // PersonName
    ]
}
